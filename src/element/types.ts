/** Public data types of the element's properties. */
export interface AnchorInfo {
  readonly userId?: string;
  readonly nick: string;
  readonly avatar?: string;
  readonly followers?: number;
  readonly followed?: boolean;
}
