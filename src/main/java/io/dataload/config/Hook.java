package io.dataload.config;

/** An item of an {@code OnSuccess…} or notification value: a shell command or a chained run. */
public sealed interface Hook permits Command, ChainRun, Notification, TableauRefresh {

    Location location();
}
