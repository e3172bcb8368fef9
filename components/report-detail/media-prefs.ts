/** The signed-in user's media defaults (User.blurMedia / grayscaleMedia), passed down from the server page. */
export interface MediaPrefs {
  blurMedia: boolean;
  grayscaleMedia: boolean;
}
