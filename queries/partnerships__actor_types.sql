-- partnerships__actor_types: one row per person or organisation the sources name among $names:
-- its type and role, so a network node can say what it is. Not filtered by the sidebar: it
-- describes names, not events.
select name, actor_type, role, affiliation, source_ids from actors where list_contains($names, name) order by name
