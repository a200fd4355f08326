package io.reactivepay.fraud.api;

public enum ListType { BLACK, WHITE }
