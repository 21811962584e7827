-- goals__targets: one row per stated goal open during the chosen years (announced by the end of
-- the range, deadline not before its start) and inside the topic/jurisdiction filters, with its
-- progress (quantitative goals only), amounts in the chosen currency and the basis of any
-- derived figure. $with_progress_only keeps only the goals with a progress ratio.
-- The first $limit goals (null: all) in the order below; rows_in_view counts them without the cap.
-- The cap is applied before the joins, so a page costs the rows it shows, not the rows stored.
-- Two branches rather than "not $with_progress_only or target_id in (...)": DuckDB would join
-- every goal to target_progress even when the flag is off (half the query's time at 1M rows).
with matching as not materialized (
    select t.*
    from targets as t
    where not $with_progress_only
      and int_in_filter(t.active_from_year, t.deadline_year, t.topic, t.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
    union all
    select t.*
    from targets as t
    semi join target_progress as p on p.target_id = t.target_id and p.progress_ratio is not null
    where $with_progress_only
      and int_in_filter(t.active_from_year, t.deadline_year, t.topic, t.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
in_view as (
    select *, (select count(*) from matching) as rows_in_view
    from matching
    order by is_quantitative desc, coalesce(deadline_year, 9999), jurisdiction desc, target_id
    limit $limit
),
final as (
    select
        t.target_id, t.jurisdiction, j.label as jurisdiction_label, t.topic, tp.label as topic_label,
        t.statement, t.metric, t.comparator, t.is_quantitative, t.deadline_year, t.announced_year,
        t.active_from_year, t.speaker, t.claim_type, t.note, t.source_ids, t.evidence_count,
        t.target_value as reported_value, t.unit as reported_unit,
        int_display_value(t.target_value, u.kind, m.value_cny, m.value_usd, $currency) as target_value,
        int_display_unit(t.unit, u.kind, $currency) as unit,
        u.kind as unit_kind,
        int_display_derived(u.kind, m.cny_is_derived, m.usd_is_derived, $currency) as target_is_derived,
        int_display_basis(u.kind, m.cny_basis, m.usd_basis, $currency) as target_conversion_basis,
        t.reported_conversion_value, t.reported_conversion_unit, t.reported_conversion_source, t.reported_conversion_count,
        case when t.is_quantitative then coalesce(p.status, 'no_comparable_data') else 'qualitative' end as status,
        p.progress_ratio, p.latest_year, p.figure_timing, p.latest_achievement_id,
        p.latest_value_as_reported, p.latest_unit_as_reported, p.latest_comparator,
        p.is_derived as progress_is_derived, p.basis as progress_basis,
        p.latest_value as latest_value_in_target_unit, t.rows_in_view
    from in_view as t
    join topics as tp on tp.topic = t.topic
    join jurisdictions as j on j.jurisdiction = t.jurisdiction
    left join units as u on u.unit = t.unit
    left join money_values as m on m.record_id = t.target_id
    left join target_progress as p on p.target_id = t.target_id
)
select * from final
order by is_quantitative desc, coalesce(deadline_year, 9999), jurisdiction desc, target_id
