-- method__fx_rates: one row per year with its CNY-per-USD annual average and where it comes from.
select year, cny_per_usd, basis from fx_rates order by year
