/** The flat `departments` connection, arranged as a tree through `parent`. */
export interface FlatDepartment {
  id: string;
  name: string;
  sortOrder: number;
  parent: { id: string } | null;
}

export type DepartmentTreeNode<T extends FlatDepartment> = T & { children?: DepartmentTreeNode<T>[] };

export function buildDepartmentTree<T extends FlatDepartment>(departments: readonly T[]): DepartmentTreeNode<T>[] {
  const byId = new Map<string, DepartmentTreeNode<T>>();
  for (const d of departments) byId.set(d.id, { ...d });
  const roots: DepartmentTreeNode<T>[] = [];
  for (const node of byId.values()) {
    const parent = node.parent ? byId.get(node.parent.id) : undefined;
    // A parent the viewer cannot see (or a cycle) makes the node a root rather than vanish.
    if (parent && !isAncestor(node.id, parent, byId)) {
      (parent.children ??= []).push(node);
    } else {
      roots.push(node);
    }
  }
  const sort = (nodes: DepartmentTreeNode<T>[]) => {
    nodes.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const n of nodes) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

function isAncestor<T extends FlatDepartment>(
  id: string,
  start: DepartmentTreeNode<T>,
  byId: Map<string, DepartmentTreeNode<T>>,
): boolean {
  const seen = new Set<string>();
  let current: DepartmentTreeNode<T> | undefined = start;
  while (current && !seen.has(current.id)) {
    if (current.id === id) return true;
    seen.add(current.id);
    current = current.parent ? byId.get(current.parent.id) : undefined;
  }
  return false;
}

export interface DepartmentOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: DepartmentOption[];
}

/** TreeSelect data; `exclude` (and its subtree) is disabled so a department cannot move under itself. */
export function departmentOptions<T extends FlatDepartment>(
  tree: readonly DepartmentTreeNode<T>[],
  exclude?: string,
  parentDisabled = false,
): DepartmentOption[] {
  return tree.map((node) => {
    const disabled = parentDisabled || node.id === exclude;
    return {
      value: node.id,
      title: node.name,
      disabled: disabled || undefined,
      children: node.children ? departmentOptions(node.children, exclude, disabled) : undefined,
    };
  });
}

export function allIds<T extends FlatDepartment>(tree: readonly DepartmentTreeNode<T>[]): string[] {
  return tree.flatMap((n) => [n.id, ...(n.children ? allIds(n.children) : [])]);
}
