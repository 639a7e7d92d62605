import { useState } from 'react';
import { App, Button, DatePicker, Form, Popconfirm, Radio, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { CourseCardFieldsFragment } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { ConnectionTable } from '../common/ConnectionTable';
import { CreateButton } from '../common/actions';
import { FormDrawer } from '../common/FormDrawer';
import { useDepartmentOptions } from '../common/departments';
import { useConnectionQuery } from '../graphql/pagination';
import { useMutationFeedback } from '../graphql/errors';
import { useCan } from '../app/viewer';
import { formatDateTime } from '../i18n/time';
import { ArchiveCourseMutation, AssignCourseMutation, CoursesQuery, LearningRoleOptionsQuery, PublishCourseMutation } from './operations';
import { CourseFormDrawer } from './CourseFormDrawer';
import { CourseStateTag, coursePath } from './tags';

/** Require a course of a department (with those under it) or of a role, by a due date. */
function AssignDrawer({ course, onClose }: { course: CourseCardFieldsFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ to: 'department' | 'role'; departmentId?: string; roleCode?: string; dueOn?: Dayjs }>();
  const feedback = useMutationFeedback();
  const departments = useDepartmentOptions();
  const [roles] = useQuery({ query: LearningRoleOptionsQuery, pause: !course });
  const [{ fetching }, assign] = useMutation(AssignCourseMutation);
  const to = Form.useWatch('to', form) ?? 'department';
  const submit = async () => {
    if (!course) return;
    const v = await form.validateFields();
    const outcome = await assign({
      input: {
        courseId: course.id,
        dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : '',
        departmentId: v.to === 'department' ? (v.departmentId ?? null) : null,
        roleCode: v.to === 'role' ? (v.roleCode ?? null) : null,
      },
    });
    const ok = feedback(outcome, outcome.data?.assignCourse, form);
    if (ok?.__typename === 'AssignCourseSuccess') {
      void message.success(t('learning.assignDone', { count: ok.enrolledCount }));
      onClose();
    }
  };
  return (
    <FormDrawer title={`${t('learning.assignTitle')}：${course?.title ?? ''}`} open={!!course} onClose={onClose} width={480} creating submitting={fetching} onSubmit={submit} submitTestId="assign-submit">
      <Form form={form} layout="vertical" initialValues={{ to: 'department' }}>
        <Form.Item name="to" label={t('learning.assignTo')}>
          <Radio.Group options={[{ value: 'department', label: t('learning.assignDepartment') }, { value: 'role', label: t('learning.assignRole') }]} />
        </Form.Item>
        {to === 'department' ? (
          <Form.Item name="departmentId" label={t('learning.assignDepartment')}>
            <TreeSelect treeDefaultExpandAll loading={departments.loading} treeData={departments.options} data-testid="assign-department" />
          </Form.Item>
        ) : (
          <Form.Item name="roleCode" label={t('learning.assignRole')}>
            <Select options={(roles.data?.roles?.edges ?? []).map((e) => ({ value: e.node.code, label: e.node.name }))} data-testid="assign-role" />
          </Form.Item>
        )}
        <Form.Item name="dueOn" label={t('learning.dueOn')}>
          <DatePicker data-testid="assign-due" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 课程管理: the courses the viewer writes (all of them for managers of training): write, publish, assign, archive. */
export default function CourseAdminPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const manager = can('LEARNING_MANAGE');
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [assigning, setAssigning] = useState<CourseCardFieldsFragment | null>(null);
  const list = useConnectionQuery({ query: CoursesQuery, variables: { first: 20, mine: !manager }, connectionOf: (d) => d.courses, requestPolicy: 'cache-and-network' });
  const [, publish] = useMutation(PublishCourseMutation);
  const [, archive] = useMutation(ArchiveCourseMutation);

  const doPublish = async (c: CourseCardFieldsFragment) => {
    const outcome = await publish({ input: { id: c.id } });
    const ok = feedback(outcome, outcome.data?.publishCourse);
    if (ok?.__typename === 'PublishCourseSuccess') {
      void message.success(t('learning.published', { number: ok.course.currentVersion?.number ?? 1 }));
      list.reload();
    }
  };
  const doArchive = async (c: CourseCardFieldsFragment) => {
    const outcome = await archive({ input: { id: c.id } });
    if (feedback(outcome, outcome.data?.archiveCourse)) list.reload();
  };

  const columns: TableColumnsType<CourseCardFieldsFragment> = [
    {
      title: t('learning.title'),
      key: 'title',
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Link to={coursePath(c.id)} data-testid="admin-course-title">
            {c.title}
          </Link>
          {c.draftChanged && c.state === 'PUBLISHED' && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('learning.draftChanged')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('learning.state'), key: 'state', width: 90, render: (_, c) => <CourseStateTag state={c.state} /> },
    { title: t('learning.version'), key: 'version', width: 70, render: (_, c) => c.currentVersion?.number ?? '—' },
    {
      title: t('learning.audience'),
      key: 'aud',
      width: 140,
      render: (_, c) => (c.audience.length ? c.audience.map((k) => <Tag key={k}>{t(`departmentKind.${k}`)}</Tag>) : t('learning.everyone')),
    },
    { title: t('learning.author'), key: 'author', width: 150, render: (_, c) => [c.author?.displayName, c.reviewer?.displayName].filter(Boolean).join(' / ') },
    { title: t('learning.lessons'), key: 'counts', width: 90, render: (_, c) => `${c.currentVersion?.lessonCount ?? 0} / ${c.currentVersion?.questionCount ?? 0}` },
    { title: '', key: 'updated', width: 150, render: (_, c) => formatDateTime(c.updatedAt) },
    {
      title: '',
      key: 'actions',
      width: 240,
      render: (_, c) => (
        <Space wrap>
          {c.viewerCan.update && (
            <Button size="small" onClick={() => setEditing(c.id)} data-testid="course-edit">
              {t('common.edit')}
            </Button>
          )}
          {c.viewerCan.publish && (
            <Button size="small" type="primary" onClick={() => void doPublish(c)} data-testid="course-publish">
              {t('learning.publish')}
            </Button>
          )}
          {c.viewerCan.assign && (
            <Button size="small" onClick={() => setAssigning(c)} data-testid="course-assign">
              {t('learning.assign')}
            </Button>
          )}
          {c.viewerCan.archive && (
            <Popconfirm title={t('learning.archiveConfirm')} onConfirm={() => void doArchive(c)}>
              <Button size="small" danger>
                {t('learning.archive')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.courseAdmin')}
        subtitle={t('learning.adminHint')}
        extra={(can('LEARNING_AUTHOR') || manager) && <CreateButton onClick={() => setEditing(null)} testId="course-new" label={t('learning.newCourse')} />}
      />
      <ConnectionTable<CourseCardFieldsFragment> {...list.table} columns={columns} />
      <CourseFormDrawer
        courseId={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          void message.success(t('learning.saved'));
          setEditing(undefined);
          list.reload();
        }}
      />
      <AssignDrawer course={assigning} onClose={() => setAssigning(null)} />
    </>
  );
}
