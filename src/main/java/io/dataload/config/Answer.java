package io.dataload.config;

/** What an {@code OnError} list item says to do for one attempt. */
public sealed interface Answer permits Answer.Stop, Answer.Ignore, Command, ChainRun, Retry {

    /** The action failed. */
    record Stop(Location location) implements Answer {
        @Override
        public String toString() {
            return "Stop";
        }
    }

    /** Count the failure as success and go on. */
    record Ignore(Location location) implements Answer {
        @Override
        public String toString() {
            return "Ignore";
        }
    }

    Location location();
}
