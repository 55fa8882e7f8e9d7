# A deliberately slow step: EVENTS_LAKE_PAUSE seconds (6 unless set), past its 5 s sla, so that the alert shows.
sleep "${EVENTS_LAKE_PAUSE:-6}"
