-- A personalised-marketing strategy can attach each treated customer's top recommendations to its assignment.
alter table strategy
    add column recommendations integer not null default 0 check (recommendations between 0 and 20);

alter table strategy_assignment
    add column recommended text[] not null default '{}';
