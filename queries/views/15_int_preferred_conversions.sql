-- int_preferred_conversions: one row per record that a source gives a conversion for: the preferred
-- conversion (value, unit, source) and how many conversions of the amount are kept in all.
create or replace view int_preferred_conversions as
select
    record_id,
    max(value) filter (where preferred) as reported_conversion_value,
    max(unit) filter (where preferred) as reported_conversion_unit,
    max(source_id) filter (where preferred) as reported_conversion_source,
    count(*) as reported_conversion_count
from raw.reported_conversions
group by record_id
