-- int_display_*: an amount in the currency the reader chose ('reported', 'CNY' or 'USD').
-- Only money converts; shares and counts stay as they are. The one place this rule is written.
create or replace macro int_display_value(value, unit_kind, value_cny, value_usd, currency) as (
    case when unit_kind = 'currency' and currency = 'CNY' then value_cny
         when unit_kind = 'currency' and currency = 'USD' then value_usd
         else value end
);
create or replace macro int_display_unit(unit, unit_kind, currency) as (
    case when unit_kind = 'currency' and currency in ('CNY', 'USD') then currency else unit end
);
create or replace macro int_display_derived(unit, unit_kind, currency) as (
    unit_kind = 'currency' and currency in ('CNY', 'USD') and unit <> currency
)
