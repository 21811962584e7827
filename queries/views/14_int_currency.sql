-- int_display_*: an amount in the currency the reader chose ('reported', 'CNY' or 'USD'), from
-- the columns of money_values. Only money converts; shares and counts stay as they are. A figure
-- is derived only when this project converted it (not when the source gave the conversion).
-- The one place this rule is written.
create or replace macro int_display_value(value, unit_kind, value_cny, value_usd, currency) as (
    case when unit_kind = 'currency' and currency = 'CNY' then value_cny
         when unit_kind = 'currency' and currency = 'USD' then value_usd
         else value end
);
create or replace macro int_display_unit(unit, unit_kind, currency) as (
    case when unit_kind = 'currency' and currency in ('CNY', 'USD') then currency else unit end
);
create or replace macro int_display_derived(unit_kind, cny_is_derived, usd_is_derived, currency) as (
    coalesce(unit_kind = 'currency' and ((currency = 'CNY' and cny_is_derived) or (currency = 'USD' and usd_is_derived)), false)
);
create or replace macro int_display_basis(unit_kind, cny_basis, usd_basis, currency) as (
    case when unit_kind = 'currency' and currency = 'CNY' then cny_basis
         when unit_kind = 'currency' and currency = 'USD' then usd_basis
         else 'as reported' end
)
