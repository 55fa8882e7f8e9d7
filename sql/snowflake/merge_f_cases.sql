-- upsert of the cases the increment touches: new cases and cases with new log lines
merge into f_cases f
using (select * from v_case_facts
       where case_id in (select cid from stg_new_cases union select cid from stg_new_logs)) v
   on f.case_id = v.case_id
 when matched then update set
      priority_id = v.priority_id, created_date_id = v.created_date_id, created_ts = v.created_ts,
      analyst_id = v.analyst_id, product_id = v.product_id,
      assigned_date_id = v.assigned_date_id, assigned_ts = v.assigned_ts,
      responded_date_id = v.responded_date_id, responded_ts = v.responded_ts,
      closed_date_id = v.closed_date_id, closed_ts = v.closed_ts, updated_at = localtimestamp()
 when not matched then insert
      (case_id, priority_id, created_date_id, created_ts, analyst_id, product_id, assigned_date_id, assigned_ts,
       responded_date_id, responded_ts, closed_date_id, closed_ts, updated_at)
      values (v.case_id, v.priority_id, v.created_date_id, v.created_ts, v.analyst_id, v.product_id,
              v.assigned_date_id, v.assigned_ts, v.responded_date_id, v.responded_ts, v.closed_date_id, v.closed_ts,
              localtimestamp());
