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
    case when unit <> to_unit then
        printf('derived: %.2f bn %s × %.2f CNY per USD (%d annual average)',
               value / 1e9, unit, int_fx_rate(y), int_fx_year(y))
    else 'as reported' end
);

-- The status rule of data/README.md; figure is the comparable figure in the target's unit (null: none).
create or replace macro int_progress_status(comparator, target_value, deadline_year, figure, figure_year) as (
    case
        when figure is null then 'no_comparable_data'
        when (comparator = 'more_than' and figure > target_value)
          or (coalesce(comparator, '') <> 'more_than' and figure >= target_value)
            then case when figure_year > coalesce(deadline_year, 9999) then 'met_after_deadline' else 'met' end
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
