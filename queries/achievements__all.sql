-- achievements__all: one row per achievement inside the filters (figures, "firsts" and
-- breakthroughs), with the figure in the chosen currency and the conversion its source reports.
-- The first $limit rows (null: all); rows_in_view counts them without the cap.
with matching as not materialized (
    select * from achievements as a
    where int_in_filter(a.as_of_year, a.as_of_year, a.topic, a.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
in_view as (
    select *, (select count(*) from matching) as rows_in_view
    from matching
    order by value is null, as_of_year desc, achievement_id
    limit $limit
)
select
    a.achievement_id, a.jurisdiction, j.label as jurisdiction_label, a.topic, tp.label as topic_label,
    a.statement, a.metric, mt.label as metric_label, a.comparator, a.as_of_year, a.as_of_date, a.subject, a.speaker,
    a.value as reported_value, a.unit as reported_unit, u.kind as unit_kind,
    int_display_value(a.value, u.kind, m.value_cny, m.value_usd, $currency) as value,
    int_display_unit(a.unit, u.kind, $currency) as unit,
    int_display_derived(u.kind, m.cny_is_derived, m.usd_is_derived, $currency) as is_derived,
    int_display_basis(u.kind, m.cny_basis, m.usd_basis, $currency) as conversion_basis, a.reported_conversion_value, a.reported_conversion_unit,
    a.claim_type, a.event_nature, a.note, a.source_ids, a.rows_in_view
from in_view as a
join topics as tp on tp.topic = a.topic
join jurisdictions as j on j.jurisdiction = a.jurisdiction
left join metrics as mt on mt.metric = a.metric
left join units as u on u.unit = a.unit
left join money_values as m on m.record_id = a.achievement_id
order by a.value is null, a.as_of_year desc, a.achievement_id
