-- partnerships__actor_types: one row per person or organisation the sources name: its type and role,
-- so a network node can say what it is. Not filtered: it describes names, not events.
select name, actor_type, role, affiliation, source_ids from actors order by name
