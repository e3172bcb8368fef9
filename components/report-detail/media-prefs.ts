/** The signed-in user's media defaults (User.blurMedia / grayscaleMedia / severeAsHashes), passed down from the server page. */
export interface MediaPrefs {
  blurMedia: boolean;
  grayscaleMedia: boolean;
  /** Severe media shows hashes and match data only (no picture). Absent reads as on: the safer default. */
  severeAsHashes?: boolean;
  /** The team's severe level (exposure limits); absent reads as the default, 4. */
  severeAt?: number;
}
