package io.ttx.documents;

/** PUBLIC documents are shown (and their text searchable); CONFIDENTIAL ones only to owner, brokers, admins and NDA holders. */
public enum Confidentiality { PUBLIC, CONFIDENTIAL }
