-- The progress rule, in one place: the public view target_progress (the latest figure in the whole
-- dataset) and the goals pages (the latest figure up to the end of the chosen years) both use it.
-- A figure is comparable with a target when it has the target's unit, or is in yuan where the
-- target is in dollars or the reverse (then converted at the annual average rate: derived).
create or replace macro int_unit_class(unit) as (
    case when unit in ('CNY', 'USD') then 'money' else unit end
);

-- value (in unit, dated year y) in to_unit; null when the units are not comparable.
create or replace macro int_in_unit(value, unit, to_unit, y) as (
    case
        when unit = to_unit then value
        when unit = 'USD' and to_unit = 'CNY' then value * int_fx_rate(y)
        when unit = 'CNY' and to_unit = 'USD' then value / int_fx_rate(y)
    end
);

create or replace macro int_progress_basis(value, unit, to_unit, y) as (
    case when value is null then null
         when unit <> to_unit then
        printf('derived: %.2f bn %s × %.2f CNY per USD (%d annual average)',
               value / 1e9, unit, int_fx_rate(y), int_fx_year(y))
    else 'as reported' end
);

-- A row of int_progress_figures in a goal's unit, and the basis of that value: a money figure's stored
-- conversion (at its own year's rate); any other figure of a goal's cell is in the goal's unit already.
create or replace macro int_figure_in(to_unit, value, value_in_cny, value_in_usd) as (
    case when to_unit = 'CNY' then value_in_cny when to_unit = 'USD' then value_in_usd else value end
);
create or replace macro int_figure_basis(to_unit, value, basis_in_cny, basis_in_usd) as (
    case when to_unit = 'CNY' then basis_in_cny when to_unit = 'USD' then basis_in_usd
         when value is not null then 'as reported' end
);

-- The status rule of data/README.md; figure is the comparable figure in the target's unit (null: none)
-- and figure_comparator its qualifier. A figure the source gives as a lower bound ("more than 500
-- billion yuan") that is below the target does not show the target unreached: not_shown_reached.
create or replace macro int_progress_status(comparator, target_value, deadline_year, figure, figure_year, figure_comparator) as (
    case
        when figure is null then 'no_comparable_data'
        when (comparator = 'more_than' and figure > target_value)
          or (coalesce(comparator, '') <> 'more_than' and figure >= target_value)
            then case when figure_year > coalesce(deadline_year, 9999) then 'met_after_deadline' else 'met' end
        when figure_comparator in ('more_than', 'at_least')
            then case when figure_year >= coalesce(deadline_year, 9999) then 'not_shown_reached_by_deadline'
                      else 'not_shown_reached' end
        else case when figure_year >= coalesce(deadline_year, 9999) then 'missed' else 'behind' end
    end
);

create or replace macro int_figure_timing(figure_year, deadline_year) as (
    case
        when figure_year is null or deadline_year is null then null
        when figure_year < deadline_year then 'before deadline'
        when figure_year = deadline_year then 'in deadline year'
        else 'after deadline'
    end
);

-- int_progress_figures: the figures a goal's progress can be measured with. A jurisdiction's own
-- figures only (a company's figure, with a subject, is not the jurisdiction's), grouped in "cells"
-- of one jurisdiction, metric and comparable unit (numbered here), and per cell and year the year's
-- latest figure (latest as_of_date, no date counting as earliest, then achievement_id). "The latest
-- figure up to year Y" of a goal is then the row of its cell with the greatest year <= Y:
-- target_progress takes every year; the goals pages stop at the last chosen year.
-- A money figure is also stored in both currencies with its basis, at its own year's rate, so that
-- the goals pages pick a column instead of looking the rate up (a correlated subquery per use, which
-- was ~16 ms of planning on every filter change of the goals pages).
create or replace view int_progress_figures as
select dense_rank() over (order by jurisdiction, metric, unit_class) as cell, *,
       case when unit_class = 'money' then int_in_unit(value, unit, 'CNY', as_of_year) end as value_in_cny,
       case when unit_class = 'money' then int_in_unit(value, unit, 'USD', as_of_year) end as value_in_usd,
       case when unit_class = 'money' then int_progress_basis(value, unit, 'CNY', as_of_year) end as basis_in_cny,
       case when unit_class = 'money' then int_progress_basis(value, unit, 'USD', as_of_year) end as basis_in_usd
from (
    select jurisdiction, metric, int_unit_class(unit) as unit_class, as_of_year, as_of_date, achievement_id,
           value, unit, comparator, source_ids,
           count(*) over (partition by jurisdiction, metric, int_unit_class(unit), as_of_year) as figures_in_year
    from achievements
    where value is not null and metric is not null and subject is null
    qualify row_number() over (
        partition by jurisdiction, metric, int_unit_class(unit), as_of_year
        order by as_of_date desc nulls last, achievement_id) = 1
);

-- Each quantitative target's cell of figures (none: no figure of its jurisdiction, metric and unit).
create or replace view int_target_cells as
select t.target_id, c.cell
from raw.targets as t
join (select distinct jurisdiction, metric, unit_class, cell from int_progress_figures) as c
    on c.jurisdiction = t.jurisdiction and c.metric = t.metric and c.unit_class = int_unit_class(t.unit)
where t.target_value is not null;

-- Per cell, the latest figure dated year y or earlier, and how many comparable figures there are up to y.
create or replace macro int_latest_figures(y) as table
    select cell, arg_max(achievement_id, as_of_year) as achievement_id, sum(figures_in_year)::bigint as comparable_count
    from int_progress_figures
    where as_of_year <= y
    group by cell;
