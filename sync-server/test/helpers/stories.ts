/** Scripts several test files write their episodes from. */

/** Two scenes: a kitchen with two speakers and three shots' worth of action, and a short street scene. */
export const KITCHEN_AND_STREET = `INT. KITCHEN - NIGHT

MARA pours coffee for two.

MARA
We're late.

JONAS
We're always late.

The kettle screams. JONAS jumps.

EXT. STREET - DAY

Rain. JONAS runs.
`;
