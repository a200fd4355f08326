package io.reactivepay.fraud.api;

/** What a firing rule does: add its score, or force at least REVIEW or DECLINE. */
public enum RuleAction { SCORE, REVIEW, DECLINE }
