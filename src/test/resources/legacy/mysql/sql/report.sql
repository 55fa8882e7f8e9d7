select team, cases from case_counts order by team
