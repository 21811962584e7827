-- target_progress: one row per quantitative target: the latest comparable achievement (same
-- jurisdiction and metric, not a company's; converted through fx_rates when the currency differs,
-- and then labelled derived), its ratio to the target, and a status, by the rule in
-- views/49_int_progress.sql.
-- This is progress as of the whole dataset; the goals pages show it as of the chosen years
-- (queries/goals__targets.sql). The status rule (data/README.md):
--   no_comparable_data  no achievement with the same jurisdiction, metric and a comparable unit
--   met                 the latest figure reaches the target and dates from the deadline year or before
--   met_after_deadline  the latest figure reaches the target but dates from after the deadline
--   behind              the latest figure is below the target and dates from before the deadline year
--   missed              the latest figure is below the target and dates from the deadline year or after
--   not_shown_reached   the latest figure is a lower bound ("more than") below the target, from before the deadline year
--   not_shown_reached_by_deadline   the same, from the deadline year or after
-- "Reaches" means >= the target, or > where the target says "more than".
create or replace view target_progress as
with targets as (
    select * from raw.targets where target_value is not null
),
latest as (     -- every year: the latest figure in the whole dataset
    select c.target_id, f.*, l.comparable_count,
           int_figure_in(t.unit, f.value, f.value_in_cny, f.value_in_usd) as value_in_target_unit,
           f.unit <> t.unit as is_derived,
           int_figure_basis(t.unit, f.value, f.basis_in_cny, f.basis_in_usd) as basis
    from int_target_cells as c
    join targets as t using (target_id)
    join int_latest_figures(9999) as l using (cell)
    join int_progress_figures as f on f.achievement_id = l.achievement_id
),
final as (
    select
        t.target_id, t.jurisdiction, t.topic, t.metric, t.statement, t.comparator, t.target_value, t.unit,
        t.deadline_year,
        l.value_in_target_unit as latest_value,
        l.as_of_year as latest_year,
        l.value_in_target_unit / t.target_value as progress_ratio,
        int_progress_status(t.comparator, t.target_value, t.deadline_year, l.value_in_target_unit, l.as_of_year,
                            l.comparator) as status,
        int_figure_timing(l.as_of_year, t.deadline_year) as figure_timing,
        l.achievement_id as latest_achievement_id,
        l.value as latest_value_as_reported,
        l.unit as latest_unit_as_reported,
        l.comparator as latest_comparator,
        coalesce(l.is_derived, false) as is_derived,
        l.basis,
        coalesce(l.comparable_count, 0) as comparable_count
    from targets as t
    left join latest as l using (target_id)
)
select * from final
