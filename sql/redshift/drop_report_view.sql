drop view v_team_performance;
