-- goals__counts: one row: how many stated goals are open during the chosen years and inside the
-- topic/jurisdiction filters (the rule of goals__targets), how many of them are quantitative, and
-- the claim types among them (in the vocabulary's order), so the page's badges need no list of goals.
select count(*) as goals, count(*) filter (where is_quantitative) as quantitative,
       list(distinct claim_type order by claim_type)::varchar[] as claim_types
from targets
where int_in_filter(active_from_year, deadline_year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
