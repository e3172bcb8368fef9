/**
 * The XSD's incidentType enumeration, word for word (NCMEC compares the exact string). Source: the IncidentType
 * enumeration in Boostport/ncmec-go cybertipline/types.go, which is generated from NCMEC's published XSD.
 */
export const NCMEC_INCIDENT_TYPES = [
  'Child Pornography (possession, manufacture, and distribution)',
  'Child Sex Trafficking',
  'Child Sex Tourism',
  'Child Sexual Molestation',
  'Misleading Domain Name',
  'Misleading Words or Digital Images on the Internet',
  'Online Enticement of Children for Sexual Acts',
  'Unsolicited Obscene Material Sent to a Child',
] as const;

export type NcmecIncidentType = (typeof NCMEC_INCIDENT_TYPES)[number];

/** What a case of sexual abuse material found on an instance is filed as. */
export const CSAM_INCIDENT_TYPE: NcmecIncidentType = 'Child Pornography (possession, manufacture, and distribution)';
