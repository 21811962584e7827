-- overview__timeline: one row per dated event inside the filters (see the timeline view), with
-- its topic label for the legend and its jurisdiction's label for the table. The first $limit events by date (null: all): the page asks for
-- them only when overview__timeline_counts says they are few enough to draw one by one.
select t.record_id, t.event_type, t.date, t.date_precision, t.year, t.title, t.topic, tp.label as topic_label,
       t.jurisdiction, j.label as jurisdiction_label, t.claim_type, t.event_nature, t.source_ids, t.note
from timeline as t
join topics as tp using (topic)
join jurisdictions as j using (jurisdiction)
where int_in_filter(t.year, t.year, t.topic, t.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
order by t.date, t.event_type, t.record_id
limit $limit
