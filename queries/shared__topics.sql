-- The topic vocabulary, one row per topic, in file order: key, label, description, chart colour.
select topic, label, description, color from topics
