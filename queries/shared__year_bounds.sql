-- One row: the first and last year any record refers to (deadlines included), the filter's bounds.
select min(year) as year_min, max(greatest(year, coalesce(end_year, year))) as year_max from records
