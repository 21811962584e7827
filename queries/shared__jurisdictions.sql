-- The jurisdiction vocabulary, one row per jurisdiction.
select jurisdiction, label, level from jurisdictions
