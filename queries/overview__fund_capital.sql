-- overview__fund_capital: one row per stage of the money (planned … deployed, in that order): how
-- many of Shanghai's funds at that stage are inside the filters (the cards are Shanghai's headline
-- figures) and their capital added up in one currency (the reported one when all funds share it,
-- else CNY), flagged derived when this project converted any amount, with the basis: the rate when
-- every amount added was converted at one rate, else a pointer to each fund's rate (null when
-- nothing was converted). Stages are never added together: money planned is not money deployed.
-- all_source_ids summarises the sources of every stage.
with funds_in_view as (
    select f.fund_id, f.amount_stage, f.source_ids, m.value, m.unit, m.value_cny, m.value_usd, m.cny_is_derived, m.usd_is_derived,
           m.cny_basis, m.usd_basis
    from funds as f
    join money_values as m on m.record_id = f.fund_id
    where f.jurisdiction = 'shanghai'
      and int_in_filter(f.year, f.year, f.topic, f.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
chosen as (
    select case when $currency = 'reported' and count(distinct unit) = 1 then any_value(unit)
                when $currency = 'USD' then 'USD' else 'CNY' end as unit
    from funds_in_view
),
shown as (      -- each fund's amount in the chosen currency
    select f.fund_id, f.amount_stage, f.source_ids, c.unit,
           case c.unit when 'CNY' then f.value_cny else f.value_usd end as value,
           case c.unit when 'CNY' then f.cny_is_derived else f.usd_is_derived end as is_derived,
           case c.unit when 'CNY' then f.cny_basis else f.usd_basis end as basis
    from funds_in_view as f, chosen as c
),
final as (
    select
        amount_stage,
        count(fund_id) as fund_count,
        sum(value) as total_value,
        unit,
        coalesce(bool_or(is_derived), false) as is_derived,
        case when not coalesce(bool_or(is_derived), false) then null
             when bool_and(is_derived) and count(distinct basis) = 1 then min(basis)
             else 'partly derived at annual average rates (each fund''s rate on the Funds page)' end as basis,
        int_source_summary(list(distinct source_ids)) as source_ids,
        (select int_source_summary(list(distinct source_ids)) from shown) as all_source_ids
    from shown
    group by unit, amount_stage
)
select * from final order by amount_stage
