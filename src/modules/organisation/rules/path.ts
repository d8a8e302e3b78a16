// Materialised paths: one ltree label per ancestor (the body id as hex without dashes).
export function pathLabel(id: string): string {
  return id.replace(/-/g, '');
}

export function childPath(parentPath: string | null, id: string): string {
  return parentPath ? `${parentPath}.${pathLabel(id)}` : pathLabel(id);
}

/** Depth of a path: number of labels (a root has depth 1). */
export function pathDepth(path: string): number {
  return path.split('.').length;
}
