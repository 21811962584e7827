-- int_record_kinds: every record id with its kind (the table it comes from).
create or replace view int_record_kinds as
select target_id as record_id, 'target' as kind from raw.targets
union all select achievement_id, 'achievement' from raw.achievements
union all select cluster_id, 'cluster' from raw.clusters
union all select fund_id, 'fund' from raw.funds
union all select conference_id, 'conference' from raw.conferences
union all select partnership_id, 'partnership' from raw.partnerships
union all select governance_id, 'governance' from raw.governance
union all select actor_id, 'actor' from raw.actors
