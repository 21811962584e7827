-- partnerships__network_edges: one row per relation between two named parties inside the filters:
-- partnerships (organisation – counterpart), people to their organisation, and fund backers to
-- the fund's jurisdiction. relation says which; record_id and sources say where it comes from.
-- Only the $parties most connected parties and at most $limit of the relations among them (the
-- latest) are returned, so the drawing stays readable at any size; edges_in_view and
-- parties_in_view count them all.
with partner_edges as (
    select organization as source, counterpart as target, kind as relation, statement, year,
           partnership_id as record_id, source_ids, claim_type
    from partnerships
    where int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
people as (
    select distinct trim(unnest(string_split(people, ';'))) as person, year
    from partnerships
    where people is not null
      and int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
people_edges as (
    select a.name as source, a.affiliation as target, a.role as relation, a.name || ': ' || a.role as statement,
           p.year, a.actor_id as record_id, a.source_ids, a.claim_type
    from actors as a
    join people as p on p.person = a.name
    where a.affiliation is not null
),
fund_edges as (
    select f.backers as source, j.label as target, 'backs a fund' as relation,
           f.name || coalesce(' (' || f.focus || ')', '') as statement, f.year, f.fund_id as record_id, f.source_ids, f.claim_type
    from funds as f
    join jurisdictions as j on j.jurisdiction = f.jurisdiction
    where f.backers is not null
      and int_in_filter(f.year, f.year, f.topic, f.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
all_edges as (
    select distinct * from (
        select * from partner_edges
        union all select * from people_edges
        union all select * from fund_edges
    )
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
