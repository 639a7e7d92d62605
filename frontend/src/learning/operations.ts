import { graphql } from '../gql';

export const CourseCardFields = graphql(`
  fragment CourseCardFields on Course {
    id
    title
    summary
    tags
    audience
    state
    passMark
    maxAttempts
    draftChanged
    updatedAt
    author {
      id
      displayName
    }
    reviewer {
      id
      displayName
    }
    currentVersion {
      id
      number
      lessonCount
      questionCount
      publishedAt
    }
    viewerCan {
      update
      publish
      archive
      assign
      enroll
      attach
    }
  }
`);

export const EnrollmentRowFields = graphql(`
  fragment EnrollmentRowFields on Enrollment {
    id
    state
    required
    dueOn
    overdue
    enrolledAt
    completedAt
    completedLessonCount
    lessonCount
    course {
      id
      title
      tags
    }
  }
`);

export const CoursesQuery = graphql(`
  query Courses($first: Int!, $after: String, $mine: Boolean, $state: CourseState) {
    courses(first: $first, after: $after, mine: $mine, state: $state) {
      ...PagedFields
      edges {
        node {
          ...CourseCardFields
          viewerEnrollment {
            id
            state
          }
        }
      }
    }
  }
`);

export const MyEnrollmentsQuery = graphql(`
  query MyEnrollments($first: Int!, $after: String, $state: EnrollmentState, $required: Boolean) {
    enrollments(first: $first, after: $after, state: $state, required: $required) {
      ...PagedFields
      edges {
        node {
          ...EnrollmentRowFields
        }
      }
    }
  }
`);

export const LearningPathsQuery = graphql(`
  query LearningPaths {
    learningPaths(first: 20) {
      totalCount
      edges {
        node {
          id
          title
          description
          steps {
            position
            course {
              id
              title
            }
            viewerEnrollment {
              id
              state
            }
          }
        }
      }
    }
  }
`);

export const AttemptFields = graphql(`
  fragment AttemptFields on QuizAttempt {
    id
    number
    startedAt
    submittedAt
    score
    maxScore
    percent
    passed
    questions {
      id
      kind
      text
      points
      options {
        key
        text
      }
      chosenKeys
      correct
      correctKeys
    }
  }
`);

export const CourseQuery = graphql(`
  query Course($id: ID!) {
    node(id: $id) {
      __typename
      ... on Course {
        ...CourseCardFields
        attachments {
          ...AttachmentFields
        }
        viewerCanAttach
        currentVersion {
          id
          chapters {
            title
            lessons {
              id
              title
            }
          }
        }
        viewerEnrollment {
          id
          state
          required
          dueOn
          overdue
          completedAt
          completedLessonIds
          completedLessonCount
          lessonCount
          viewerCan {
            learn
            attempt
          }
          version {
            id
            number
            passMark
            maxAttempts
            questionCount
            chapters {
              title
              lessons {
                id
                chapterTitle
                title
                body
                videoUrl
              }
            }
          }
          attempts {
            ...AttemptFields
          }
        }
      }
    }
  }
`);

export const CourseDraftQuery = graphql(`
  query CourseDraft($id: ID!) {
    node(id: $id) {
      ... on Course {
        id
        title
        summary
        tags
        audience
        passMark
        maxAttempts
        reviewer {
          id
          displayName
        }
        draft {
          chapters {
            title
            lessons {
              title
              body
              videoUrl
            }
          }
          questions {
            kind
            text
            points
            options {
              text
              correct
            }
          }
        }
      }
    }
  }
`);

export const EnrollInCourseMutation = graphql(`
  mutation EnrollInCourse($input: EnrollInCourseInput!) {
    enrollInCourse(input: $input) {
      __typename
      ... on EnrollInCourseSuccess {
        enrollment {
          id
        }
      }
      ... on EnrollInCourseError {
        code
        field
        message
      }
    }
  }
`);

export const CompleteLessonMutation = graphql(`
  mutation CompleteLesson($input: CompleteLessonInput!) {
    completeLesson(input: $input) {
      __typename
      ... on CompleteLessonSuccess {
        enrollment {
          id
          state
          completedLessonIds
          completedLessonCount
        }
      }
      ... on CompleteLessonError {
        code
        field
        message
      }
    }
  }
`);

export const StartQuizAttemptMutation = graphql(`
  mutation StartQuizAttempt($input: StartQuizAttemptInput!) {
    startQuizAttempt(input: $input) {
      __typename
      ... on StartQuizAttemptSuccess {
        attempt {
          ...AttemptFields
        }
      }
      ... on StartQuizAttemptError {
        code
        field
        message
      }
    }
  }
`);

export const SubmitQuizAttemptMutation = graphql(`
  mutation SubmitQuizAttempt($input: SubmitQuizAttemptInput!) {
    submitQuizAttempt(input: $input) {
      __typename
      ... on SubmitQuizAttemptSuccess {
        attempt {
          ...AttemptFields
        }
      }
      ... on SubmitQuizAttemptError {
        code
        field
        message
      }
    }
  }
`);

export const CreateCourseMutation = graphql(`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      __typename
      ... on CreateCourseSuccess {
        course {
          id
        }
      }
      ... on CreateCourseError {
        code
        field
        message
      }
    }
  }
`);

export const UpdateCourseMutation = graphql(`
  mutation UpdateCourse($input: UpdateCourseInput!) {
    updateCourse(input: $input) {
      __typename
      ... on UpdateCourseSuccess {
        course {
          id
        }
      }
      ... on UpdateCourseError {
        code
        field
        message
      }
    }
  }
`);

export const PublishCourseMutation = graphql(`
  mutation PublishCourse($input: CourseIdInput!) {
    publishCourse(input: $input) {
      __typename
      ... on PublishCourseSuccess {
        course {
          id
          state
          currentVersion {
            number
          }
        }
      }
      ... on PublishCourseError {
        code
        field
        message
      }
    }
  }
`);

export const ArchiveCourseMutation = graphql(`
  mutation ArchiveCourse($input: CourseIdInput!) {
    archiveCourse(input: $input) {
      __typename
      ... on ArchiveCourseSuccess {
        course {
          id
          state
        }
      }
      ... on ArchiveCourseError {
        code
        field
        message
      }
    }
  }
`);

export const AssignCourseMutation = graphql(`
  mutation AssignCourse($input: AssignCourseInput!) {
    assignCourse(input: $input) {
      __typename
      ... on AssignCourseSuccess {
        enrolledCount
      }
      ... on AssignCourseError {
        code
        field
        message
      }
    }
  }
`);

export const LearningRoleOptionsQuery = graphql(`
  query LearningRoleOptions {
    roles(first: 100) {
      edges {
        node {
          code
          name
        }
      }
    }
  }
`);

export const LearningFiguresQuery = graphql(`
  query LearningFigures {
    learningFigures {
      byCourse {
        label
        courseId
        enrolled
        completed
        required
        overdue
        rate
      }
      byDepartment {
        label
        departmentId
        enrolled
        completed
        required
        overdue
        rate
      }
      overdue {
        id
        dueOn
        user {
          id
          displayName
        }
        department {
          id
          name
        }
        course {
          id
          title
        }
        completedLessonCount
        lessonCount
      }
      quizResults {
        courseId
        label
        attempts
        passed
        averagePercent
      }
      hardestQuestions {
        text
        courseTitle
        answered
        correct
        correctRate
      }
    }
  }
`);
