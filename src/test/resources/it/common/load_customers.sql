delete from #table_name#;
insert into #table_name# values
  (1, 'Ann', 10.50, '2026-01-05 09:00:00'),
  (2, 'O''Brien, "Bob"', -3.00, null),
  (3, null, 0.25, '2026-02-01 00:00:00');
