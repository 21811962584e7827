-- money_values: one row per monetary amount in the records (target, achievement or fund size),
-- as reported and in both CNY and USD. A converted figure is derived: it uses the annual average
-- in fx_rates for the year the amount refers to (or the nearest year with a rate) and says so.
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
    select *, int_fx_rate(rate_year) as cny_per_usd, int_fx_year(rate_year) as fx_year
    from amounts
),
final as (
    select
        record_id, kind, value, unit, comparator, rate_year, fx_year, cny_per_usd,
        case unit when 'CNY' then value when 'USD' then value * cny_per_usd end as value_cny,
        case unit when 'USD' then value when 'CNY' then value / cny_per_usd end as value_usd,
        unit <> 'CNY' as cny_is_derived,
        unit <> 'USD' as usd_is_derived,
        printf('derived at %.2f CNY per USD, the %d annual average', cny_per_usd, fx_year)
            || case when fx_year <> rate_year then printf(' (nearest year with a rate to %d)', rate_year) else '' end
            as conversion_basis
    from priced
)
select * from final
