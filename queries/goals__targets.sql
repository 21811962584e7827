-- goals__targets: one row per stated goal open during the chosen years (announced by the end of
-- the range, deadline not before its start) and inside the topic/jurisdiction filters, with its
-- progress (quantitative goals only) as of the end of the chosen years: the latest comparable
-- figure dated $year_to or earlier, by the rule of views/49_int_progress.sql. Amounts are in the
-- chosen currency, with the basis of any derived figure. $with_progress_only keeps only the goals
-- with a progress ratio. The first $limit goals (null: all) in the order below; rows_in_view
-- counts them without the cap. Reads int_goals and int_progress_figures (stored at build time,
-- views/90_materialise.sql): a scan of the goals and a grouped scan of the figures, not a ranking
-- of every comparable figure of every goal.
with goals as not materialized (
    select *
    from int_goals as t
    where int_in_filter(t.active_from_year, t.deadline_year, t.topic, t.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
matching as not materialized (
    select g.*, l.achievement_id as latest_achievement_id
    from goals as g
    left join int_latest_figures($year_to) as l on l.cell = g.progress_cell
    where not $with_progress_only or l.achievement_id is not null
),
in_view as (
    select *, (select count(*) from matching) as rows_in_view
    from matching
    order by is_quantitative desc, coalesce(deadline_year, 9999), jurisdiction desc, target_id
    limit $limit
),
converted as (  -- after the cap: the figure's details, and its value in the goal's unit
    select t.*, f.as_of_year as latest_year, f.value as latest_value_as_reported, f.unit as latest_unit_as_reported,
           f.comparator as latest_comparator, f.source_ids as latest_source_ids, a.statement as latest_statement,
           a.claim_type as latest_claim_type,
           int_figure_in(t.unit, f.value, f.value_in_cny, f.value_in_usd) as latest_value,
           int_figure_basis(t.unit, f.value, f.basis_in_cny, f.basis_in_usd) as latest_basis
    from in_view as t
    left join int_progress_figures as f on f.achievement_id = t.latest_achievement_id
    left join achievements as a on a.achievement_id = t.latest_achievement_id   -- what the figure measures, in its words
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
    case when t.is_quantitative
         then int_progress_status(t.comparator, t.target_value, t.deadline_year, t.latest_value, t.latest_year,
                                  t.latest_comparator)
         else 'qualitative' end as status,
    t.latest_value / t.target_value as progress_ratio, t.latest_year,
    int_figure_timing(t.latest_year, t.deadline_year) as figure_timing, t.latest_achievement_id,
    t.latest_value_as_reported, t.latest_unit_as_reported, t.latest_comparator, t.latest_source_ids, t.latest_statement,
    t.latest_claim_type,
    coalesce(t.latest_unit_as_reported <> t.unit, false) as progress_is_derived,
    t.latest_basis as progress_basis,
    t.latest_value as latest_value_in_target_unit, t.rows_in_view
from converted as t
join topics as tp on tp.topic = t.topic
join jurisdictions as j on j.jurisdiction = t.jurisdiction
order by t.is_quantitative desc, coalesce(t.deadline_year, 9999), t.jurisdiction desc, t.target_id
