-- partnerships__network_edges: one row per relation between two named parties inside the filters:
-- partnerships (organisation – counterpart), people to their organisation, and fund backers to
-- the fund's jurisdiction. relation says which; record_id and sources say where it comes from.
-- Only the $parties most connected parties and at most $limit of the relations among them (the
-- latest) are returned, so the drawing stays readable at any size; edges_in_view and
-- parties_in_view count them all.
with all_edges as (
    -- every relation, stored once with its filter columns (int_network_edges, views/90_materialise.sql)
    select distinct source, target, relation, statement, year, record_id, source_ids, claim_type
    from int_network_edges
    where int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
degrees as (
    select name, count(*) as degree
    from (select source as name from all_edges union all select target from all_edges)
    group by name
),
shown as (
    select name from degrees order by degree desc, name limit $parties
),
final as (
    select e.*, (select count(*) from all_edges) as edges_in_view, (select count(*) from degrees) as parties_in_view
    from all_edges as e
    where e.source in (select name from shown) and e.target in (select name from shown)
    order by year desc, source, target, relation, record_id   -- ties broken: the same question, the same rows
    limit $limit
)
select * from final order by year, source, target, relation, record_id
