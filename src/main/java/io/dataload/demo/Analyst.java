package io.dataload.demo;

import java.time.LocalDateTime;

/** One analyst as an HR snapshot shows them; changed copies are made with the with… methods. */
record Analyst(int aid, String name, String team, String skills, LocalDateTime created, LocalDateTime updated) {

    Analyst withTeam(String newTeam, LocalDateTime when) {
        return new Analyst(aid, name, newTeam, skills, created, when);
    }

    Analyst withSkills(String newSkills, LocalDateTime when) {
        return new Analyst(aid, name, team, newSkills, created, when);
    }

    Analyst withName(String newName, LocalDateTime when) {
        return new Analyst(aid, newName, team, skills, created, when);
    }
}
