-- achievements__target_lines: one row per quantitative target on metric $metric inside the
-- filters, in the same currency rule as achievements__series, to draw as a line to its deadline.
-- The page passes the jurisdictions its series shows; the $limit latest deadlines are returned.
with axis as (
    select case when $currency = 'reported' then 'CNY' else $currency end as currency
),
final as (
    select
        t.target_id, t.jurisdiction, j.label as jurisdiction_label, t.statement, t.comparator, t.deadline_year,
        t.active_from_year as start_year, t.announced_year, t.note,
        int_display_value(t.target_value, t.unit_kind, t.value_cny, t.value_usd, x.currency) as target_value,
        int_display_unit(t.unit, t.unit_kind, x.currency) as unit,
        int_display_derived(t.unit_kind, t.cny_is_derived, t.usd_is_derived, x.currency) as derived,
        int_display_basis(t.unit_kind, t.cny_basis, t.usd_basis, x.currency) as conversion_basis,
        t.reported_conversion_source, t.reported_conversion_count, t.claim_type, t.source_ids
    from int_goals as t                 -- goals stored with their money values (views/90_materialise.sql)
    cross join axis as x
    join jurisdictions as j on j.jurisdiction = t.jurisdiction
    where t.unit_kind is not null and t.metric = $metric and t.target_value is not null and t.deadline_year is not null
      and int_in_filter(t.active_from_year, t.deadline_year, t.topic, t.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
)
select * from final order by deadline_year desc, target_id limit $limit
