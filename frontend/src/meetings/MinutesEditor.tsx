import { useEffect, type ReactNode } from 'react';
import { Button, Space, Tooltip } from 'antd';
import {
  BoldOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  RedoOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { useTranslation } from 'react-i18next';
import styles from './meetings.module.css';

interface Props {
  /** The HTML the editor starts from (the server's sanitized minutes). */
  initial: string;
  onChange?: (html: string) => void;
  editable?: boolean;
  testId?: string;
}

/**
 * Minutes as rich text (Tiptap on ProseMirror). The server keeps sanitized HTML; what ProseMirror's
 * schema does not know is dropped when it is read, so showing stored minutes here never renders raw HTML.
 */
export function MinutesEditor({ initial, onChange, editable = true, testId = 'minutes-editor' }: Props) {
  const { t } = useTranslation();
  const editor = useEditor({
    // Tables and every heading level the server keeps survive a round trip through the editor.
    extensions: [StarterKit.configure({ heading: { levels: [1, 2, 3, 4] }, link: { openOnClick: false } }), TableKit.configure({ table: { resizable: false } })],
    content: initial,
    editable,
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.getHTML() !== initial) editor.commands.setContent(initial, { emitUpdate: false });
    // Only a new starting text (another version, a reload) replaces what is in the editor.
  }, [initial, editor]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      heading: e?.isActive('heading', { level: 2 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
    }),
  });

  if (!editable) {
    return (
      <div className={styles.minutesView} data-testid={testId}>
        <EditorContent editor={editor} />
      </div>
    );
  }
  const chain = () => editor?.chain().focus();
  const tool = (label: string, icon: ReactNode, on: boolean | undefined, run: () => void) => (
    <Tooltip title={label}>
      <Button size="small" type={on ? 'primary' : 'text'} icon={icon} onClick={run} aria-label={label} />
    </Tooltip>
  );
  return (
    <div className={styles.editor}>
      <Space size={2} className={styles.toolbar} wrap>
        {tool(t('meetings.editor.bold'), <BoldOutlined />, active?.bold, () => chain()?.toggleBold().run())}
        {tool(t('meetings.editor.italic'), <ItalicOutlined />, active?.italic, () => chain()?.toggleItalic().run())}
        <Tooltip title={t('meetings.editor.heading')}>
          <Button size="small" type={active?.heading ? 'primary' : 'text'} onClick={() => chain()?.toggleHeading({ level: 2 }).run()}>
            H2
          </Button>
        </Tooltip>
        {tool(t('meetings.editor.bulletList'), <UnorderedListOutlined />, active?.bullet, () => chain()?.toggleBulletList().run())}
        {tool(t('meetings.editor.orderedList'), <OrderedListOutlined />, active?.ordered, () => chain()?.toggleOrderedList().run())}
        {tool(t('meetings.editor.undo'), <UndoOutlined />, false, () => chain()?.undo().run())}
        {tool(t('meetings.editor.redo'), <RedoOutlined />, false, () => chain()?.redo().run())}
      </Space>
      <EditorContent editor={editor} className={styles.editorBody} data-testid={testId} />
    </div>
  );
}
