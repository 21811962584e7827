-- Public vocabularies, one row per entry: topics (with their chart colour), jurisdictions, units,
-- metrics and the exchange rates used for derived figures.
create or replace view topics as select * from raw.topics;
create or replace view jurisdictions as select * from raw.jurisdictions;
create or replace view units as select * from raw.units;
create or replace view metrics as select * from raw.metrics;
create or replace view fx_rates as select * from raw.fx_rates;
