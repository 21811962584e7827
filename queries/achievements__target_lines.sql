-- achievements__target_lines: one row per quantitative target on metric $metric inside the
-- filters, in the same currency rule as achievements__series, to draw as a line to its deadline.
-- The page passes the jurisdictions its series shows; the $limit latest deadlines are returned.
with axis as (
    select case when $currency = 'reported' then 'CNY' else $currency end as currency
),
final as (
    select
        t.target_id, t.jurisdiction, j.label as jurisdiction_label, t.statement, t.comparator, t.deadline_year,
        t.active_from_year as start_year,
        int_display_value(t.target_value, u.kind, m.value_cny, m.value_usd, x.currency) as target_value,
        int_display_unit(t.unit, u.kind, x.currency) as unit,
        int_display_derived(u.kind, m.cny_is_derived, m.usd_is_derived, x.currency) as derived,
        int_display_basis(u.kind, m.cny_basis, m.usd_basis, x.currency) as conversion_basis, t.claim_type, t.source_ids
    from targets as t
    cross join axis as x
    join units as u on u.unit = t.unit
    join jurisdictions as j on j.jurisdiction = t.jurisdiction
    left join money_values as m on m.record_id = t.target_id
    where t.metric = $metric and t.target_value is not null and t.deadline_year is not null
      and int_in_filter(t.active_from_year, t.deadline_year, t.topic, t.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
)
select * from final order by deadline_year desc, target_id limit $limit
