-- int_fx_rate(y): the CNY-per-USD annual average for year y, or for the nearest year that has one
-- (ties go to the earlier year). Used only for figures labelled derived.
create or replace macro int_fx_rate(y) as (
    select cny_per_usd from raw.fx_rates order by abs(year - y), year limit 1
);
create or replace macro int_fx_year(y) as (
    select year from raw.fx_rates order by abs(year - y), year limit 1
);
