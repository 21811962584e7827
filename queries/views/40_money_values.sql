-- money_values: one row per monetary amount in the records (target, achievement or fund size),
-- as reported and in both CNY and USD. For the other currency, the conversion the source itself
-- reports (its preferred one) is used when there is one; otherwise the figure is derived at the
-- annual average in fx_rates for the year the amount refers to (or the nearest year with a rate),
-- and flagged so. cny_basis and usd_basis say which, in words.
create or replace view money_values as
with currencies as (
    select unit from raw.units where kind = 'currency'
),
amounts as (
    select target_id as record_id, 'target' as kind, target_value as value, unit, comparator,
        coalesce(announced_year, first_reported_year) as rate_year
    from targets
    where target_value is not null and unit in (select unit from currencies)
    union all
    select achievement_id, 'achievement', value, unit, comparator, as_of_year
    from achievements
    where value is not null and unit in (select unit from currencies)
    union all
    select fund_id, 'fund', size_value, size_unit, null, year
    from funds
    where size_value is not null and size_unit in (select unit from currencies)
),
priced as (
    select a.*, int_fx_rate(a.rate_year) as cny_per_usd, int_fx_year(a.rate_year) as fx_year,
        c.reported_conversion_value as source_value, c.reported_conversion_unit as source_unit,
        c.reported_conversion_source as conversion_source
    from amounts as a
    left join int_preferred_conversions as c using (record_id)
),
labelled as (
    select *,
        printf('derived at %.2f CNY per USD, the %d annual average', cny_per_usd, fx_year)
            || case when fx_year <> rate_year then printf(' (nearest year with a rate to %d)', rate_year) else '' end
            as conversion_basis
    from priced
),
final as (
    select
        record_id, kind, value, unit, comparator, rate_year, fx_year, cny_per_usd,
        case when unit = 'CNY' then value
             when source_unit = 'CNY' then source_value
             when unit = 'USD' then value * cny_per_usd end as value_cny,
        case when unit = 'USD' then value
             when source_unit = 'USD' then source_value
             when unit = 'CNY' then value / cny_per_usd end as value_usd,
        unit <> 'CNY' and coalesce(source_unit, '') <> 'CNY' as cny_is_derived,
        unit <> 'USD' and coalesce(source_unit, '') <> 'USD' as usd_is_derived,
        conversion_basis,
        case when unit = 'CNY' then 'as reported'
             when source_unit = 'CNY' then 'converted by the source ' || conversion_source
             else conversion_basis end as cny_basis,
        case when unit = 'USD' then 'as reported'
             when source_unit = 'USD' then 'converted by the source ' || conversion_source
             else conversion_basis end as usd_basis,
        conversion_source
    from labelled
)
select * from final
