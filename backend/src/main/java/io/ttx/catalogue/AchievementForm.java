package io.ttx.catalogue;

/** The form an achievement takes. */
public enum AchievementForm { PATENT, SOFTWARE_COPYRIGHT, KNOW_HOW, NEW_PRODUCT, NEW_PROCESS, NEW_MATERIAL, PROTOTYPE, STANDARD, PLANT_VARIETY }
