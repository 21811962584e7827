-- goals__targets: one row per stated goal open during the chosen years (announced by the end of
-- the range, deadline not before its start) and inside the topic/jurisdiction filters, with its
-- progress (quantitative goals only), amounts in the chosen currency and the basis of any
-- derived figure. $with_progress_only keeps only the goals with a progress ratio.
-- The first $limit goals (null: all) in the order below; rows_in_view counts them without the cap.
-- Reads int_goals (each goal stored with its money values and progress at build time), so a
-- page costs one scan of the goals, not a join of every goal with two tables of its size.
with matching as not materialized (
    select *
    from int_goals as t
    where (not $with_progress_only or t.progress_ratio is not null)
      and int_in_filter(t.active_from_year, t.deadline_year, t.topic, t.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
in_view as (
    select *, (select count(*) from matching) as rows_in_view
    from matching
    order by is_quantitative desc, coalesce(deadline_year, 9999), jurisdiction desc, target_id
    limit $limit
)
select
    t.target_id, t.jurisdiction, j.label as jurisdiction_label, t.topic, tp.label as topic_label,
    t.statement, t.metric, t.comparator, t.is_quantitative, t.deadline_year, t.announced_year,
    t.active_from_year, t.speaker, t.claim_type, t.note, t.source_ids, t.evidence_count,
    t.target_value as reported_value, t.unit as reported_unit,
    int_display_value(t.target_value, t.unit_kind, t.value_cny, t.value_usd, $currency) as target_value,
    int_display_unit(t.unit, t.unit_kind, $currency) as unit,
    t.unit_kind,
    int_display_derived(t.unit_kind, t.cny_is_derived, t.usd_is_derived, $currency) as target_is_derived,
    int_display_basis(t.unit_kind, t.cny_basis, t.usd_basis, $currency) as target_conversion_basis,
    t.reported_conversion_value, t.reported_conversion_unit, t.reported_conversion_source, t.reported_conversion_count,
    case when t.is_quantitative then coalesce(t.status, 'no_comparable_data') else 'qualitative' end as status,
    t.progress_ratio, t.latest_year, t.figure_timing, t.latest_achievement_id,
    t.latest_value_as_reported, t.latest_unit_as_reported, t.latest_comparator,
    t.progress_is_derived, t.progress_basis,
    t.latest_value as latest_value_in_target_unit, t.rows_in_view
from in_view as t
join topics as tp on tp.topic = t.topic
join jurisdictions as j on j.jurisdiction = t.jurisdiction
order by t.is_quantitative desc, coalesce(t.deadline_year, 9999), t.jurisdiction desc, t.target_id
