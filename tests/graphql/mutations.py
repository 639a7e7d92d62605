"""Every mutation of the API, with a valid input built from the test world and the permission it needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import parse
from graphql.language import EnumValueNode, FieldDefinitionNode, ObjectTypeDefinitionNode

from tests.factories import PASSWORD
from tests.graphql.conftest import World, gid
from yecai import manifest
from yecai.graphql.schema import export_sdl


def _schema_permissions() -> dict[str, str | None]:
    """Each mutation's permission as the exported SDL states it: @requires(permission: X), or none."""
    codes = {p.enum_name: p.code for p in manifest.permissions()}
    found: dict[str, str | None] = {}
    for definition in parse(export_sdl()).definitions:
        if isinstance(definition, ObjectTypeDefinitionNode) and definition.name.value == "Mutation":
            for field in definition.fields or ():
                assert isinstance(field, FieldDefinitionNode)
                found[field.name.value] = next(
                    (codes[arg.value.value] for d in field.directives or () if d.name.value == "requires"
                     for arg in d.arguments or ()
                     if arg.name.value == "permission" and isinstance(arg.value, EnumValueNode)), None)
    return found


SCHEMA_PERMISSIONS = _schema_permissions()


@dataclass(frozen=True)
class MutationCase:
    name: str
    input_type: str | None
    success: str
    make_input: Callable[[World], dict[str, Any] | None]
    # Where the input acts on someone else's object, the permission that takes (the schema's
    # @requires names what the operation needs at all).
    on_others_needs: str | None = None

    @property
    def permission(self) -> str | None:
        """The permission code the case needs: the mutation's @requires in the exported schema."""
        return self.on_others_needs or SCHEMA_PERMISSIONS[self.name]

    @property
    def type_prefix(self) -> str:
        return self.name[0].upper() + self.name[1:]

    def document(self) -> str:
        args = "(input: $input)" if self.input_type else ""
        params = f"($input: {self.input_type}!)" if self.input_type else ""
        return (f"mutation{params} {{ {self.name}{args} {{ __typename "
                f"... on {self.type_prefix}Success {{ {self.success} }} "
                f"... on {self.type_prefix}Error {{ code field message }} }} }}")

    def variables(self, world: World) -> dict[str, Any]:
        value = self.make_input(world)
        return {"input": value} if self.input_type else {}


MUTATIONS = [
    MutationCase("createUser", "CreateUserInput", "user { id username }",
                 lambda w: {"username": "new.person", "displayName": "新员工", "password": PASSWORD,
                            "departmentId": gid("Department", w.child.id),
                            "roleIds": [gid("Role", w.custom_role.id)]}),
    MutationCase("updateUser", "UpdateUserInput", "user { id displayName }",
                 lambda w: {"id": gid("User", w.target.id), "displayName": "改名"}),
    MutationCase("setUserActive", "SetUserActiveInput", "user { id active }",
                 lambda w: {"id": gid("User", w.target.id), "active": False}),
    MutationCase("assignRoles", "AssignRolesInput", "user { id roles { code } }",
                 lambda w: {"userId": gid("User", w.target.id), "roleIds": [gid("Role", w.unused_role.id)]}),
    MutationCase("resetPassword", "ResetPasswordInput", "user { id }",
                 lambda w: {"userId": gid("User", w.target.id), "newPassword": "Brand!New9"}),
    MutationCase("createRole", "CreateRoleInput", "role { id code permissions }",
                 lambda w: {"code": "new_role", "name": "新角色", "permissions": ["ORG_READ", "AUDIT_READ"]}),
    MutationCase("updateRole", "UpdateRoleInput", "role { id permissions }",
                 lambda w: {"id": gid("Role", w.custom_role.id), "permissions": ["AUDIT_READ"]}),
    MutationCase("deleteRole", "DeleteRoleInput", "deletedId",
                 lambda w: {"id": gid("Role", w.unused_role.id)}),
    MutationCase("createDepartment", "CreateDepartmentInput", "department { id code }",
                 lambda w: {"code": "NEWDEP", "name": "新部门", "kind": "SUPPORT",
                            "parentId": gid("Department", w.parent.id)}),
    MutationCase("updateDepartment", "UpdateDepartmentInput", "department { id name }",
                 lambda w: {"id": gid("Department", w.child.id), "name": "改名部门"}),
    MutationCase("deleteDepartment", "DeleteDepartmentInput", "deletedId",
                 lambda w: {"id": gid("Department", w.empty.id)}),
    # Anyone revokes their own tokens; someone else's (the target's here) takes user administration.
    MutationCase("revokeApiToken", "RevokeApiTokenInput", "apiToken { id active }",
                 lambda w: {"id": gid("ApiToken", w.target_token.id)}, on_others_needs="org.manage_users"),
    MutationCase("createVoucher", "CreateVoucherInput", "voucher { id state }",
                 lambda w: {"date": "2026-11-12", "summary": "提现", "lines": [
                     {"accountId": gid("Account", w.ledger.accounts["1001"].id), "debit": "50.00"},
                     {"accountId": gid("Account", w.ledger.accounts["1002"].id), "credit": "50.00"}]}),
    MutationCase("reviewVoucher", "VoucherIdInput", "voucher { id state }",
                 lambda w: {"id": gid("Voucher", w.ledger.draft.id)}),
    MutationCase("unreviewVoucher", "VoucherIdInput", "voucher { id state }",
                 lambda w: {"id": gid("Voucher", w.ledger.spare_reviewed.id)}),
    MutationCase("postVoucher", "VoucherIdInput", "voucher { id state }",
                 lambda w: {"id": gid("Voucher", w.ledger.reviewed.id)}),
    MutationCase("reverseVoucher", "ReverseVoucherInput", "voucher { id state }",
                 lambda w: {"id": gid("Voucher", w.ledger.posted.id)}),
    MutationCase("deleteVoucher", "VoucherIdInput", "deletedId",
                 lambda w: {"id": gid("Voucher", w.ledger.spare_draft.id)}),
    MutationCase("createAccount", "CreateAccountInput", "account { id code }",
                 lambda w: {"code": "660104", "name": "通讯费", "dimensions": ["DEPARTMENT"]}),
    MutationCase("updateAccount", "UpdateAccountInput", "account { id name }",
                 lambda w: {"id": gid("Account", w.ledger.accounts["1001"].id), "name": "现金"}),
    MutationCase("openFiscalPeriod", "PeriodInput", "fiscalPeriod { id code }",
                 lambda w: {"period": "2026-12"}),
    MutationCase("closeFiscalPeriod", "PeriodInput", "fiscalPeriod { id status }",
                 lambda w: {"period": "2026-10"}),
    *[MutationCase(name, "CreateMasterDataInput", f"{field} {{ id code }}",
                   lambda w, c=code: {"code": c, "name": "新资料"})
      for name, field, code in (("createCustomer", "customer", "NEW-C"), ("createSupplier", "supplier", "NEW-S"),
                                ("createProductCategory", "productCategory", "NEW-CAT"),
                                ("createWarehouse", "warehouse", "NEW-W"))],
    MutationCase("createProduct", "CreateProductInput", "product { id code }",
                 lambda w: {"code": "NEW-P", "name": "新商品", "categoryId": gid("ProductCategory", w.ops.category.id)}),
    MutationCase("createPurchaseReceipt", "CreatePurchaseReceiptInput",
                 "purchaseReceipt { id number vouchers { id } }",
                 lambda w: {"supplierId": gid("Supplier", w.ops.supplier.id),
                            "warehouseId": gid("Warehouse", w.ops.warehouse.id), "date": "2026-11-12",
                            "lines": [{"productId": gid("Product", w.ops.product.id), "quantity": "5",
                                       "unitPrice": "500.00", "taxRate": "0.13"}]}),
    MutationCase("createSalesOrder", "CreateSalesOrderInput", "salesOrder { id }",
                 lambda w: {"customerId": gid("Customer", w.ops.customer.id), "date": "2026-11-12",
                            "lines": [{"productId": gid("Product", w.ops.product.id), "quantity": "2",
                                       "unitPrice": "999.00", "taxRate": "0.13"}]}),
    MutationCase("copySalesOrder", "CopySalesOrderInput", "salesOrder { id }",
                 lambda w: {"orderId": gid("SalesOrder", w.ops.open_order.id), "date": "2026-11-12"}),
    MutationCase("deliverSalesOrder", "DeliverSalesOrderInput",
                 "delivery { id vouchers { id } }",
                 lambda w: {"orderId": gid("SalesOrder", w.ops.open_order.id),
                            "warehouseId": gid("Warehouse", w.ops.warehouse.id), "date": "2026-11-12"}),
    MutationCase("returnSalesOrder", "ReturnSalesOrderInput", "salesReturn { id }",
                 lambda w: {"deliveryId": gid("SalesDelivery", w.ops.delivery.id), "date": "2026-11-12",
                            "lines": [{"deliveryLineId": gid("SalesDeliveryLine", w.ops.delivery_line_id), "quantity": "1"}]}),
    MutationCase("recordCustomerReceipt", "RecordCustomerReceiptInput",
                 "customerReceipt { id }",
                 lambda w: {"customerId": gid("Customer", w.ops.customer.id), "date": "2026-11-12",
                            "amount": "1000.00"}),
    MutationCase("recordSupplierPayment", "RecordSupplierPaymentInput",
                 "supplierPayment { id }",
                 lambda w: {"supplierId": gid("Supplier", w.ops.supplier.id), "date": "2026-11-12",
                            "amount": "1000.00"}),
    MutationCase("createExpenseClaim", "CreateExpenseClaimInput", "expenseClaim { id }",
                 lambda w: {"category": "TRAVEL", "amount": "300.00", "description": "差旅", "date": "2026-11-12"}),
    MutationCase("approveExpenseClaim", "ApproveExpenseClaimInput",
                 "expenseClaim { id state }", lambda w: {"id": gid("ExpenseClaim", w.ops.submitted_claim.id)}),
    MutationCase("payExpenseClaim", "PayExpenseClaimInput", "expenseClaim { id state }",
                 lambda w: {"id": gid("ExpenseClaim", w.ops.approved_claim.id), "date": "2026-11-12"}),
    MutationCase("createPostingRule", "CreatePostingRuleInput", "postingRule { id }",
                 lambda w: {"code": "bank_fee", "name": "收款手续费", "eventType": "CUSTOMER_RECEIPT", "definition": {
                     "summary": "手续费 {number}", "lines": [
                         {"side": "DEBIT", "account": "6603", "amount": "round(amount * 0.001, 2)"},
                         {"side": "CREDIT", "account": "1002", "amount": "round(amount * 0.001, 2)"}]}}),
    MutationCase("publishPostingRuleVersion", "PublishPostingRuleVersionInput",
                 "version { id version }",
                 lambda w: {"ruleId": gid("PostingRule", w.ops.rule.id), "note": "改为草稿待审", "definition": {
                     "summary": "收到 {customer_name} 货款 {number}", "land_as": "DRAFT", "lines": [
                         {"side": "DEBIT", "account": "1002", "amount": "amount"},
                         {"side": "CREDIT", "account": "1122", "amount": "amount",
                          "dimensions": {"CUSTOMER": "customer_id"}}]}}),
    MutationCase("setPostingRuleActive", "SetPostingRuleActiveInput", "postingRule { active }",
                 lambda w: {"id": gid("PostingRule", w.ops.rule.id), "active": False}),
    # Open to every signed-in user (every built-in role holds auth.use_api_tokens).
    MutationCase("createApiToken", "CreateApiTokenInput", "apiToken { id } secret",
                 lambda w: {"name": "脚本"}),
    MutationCase("changePassword", "ChangePasswordInput", "ok",
                 lambda w: {"currentPassword": PASSWORD, "newPassword": "Chang3d!pw"}),
    MutationCase("logout", None, "ok", lambda w: None),
    # Search: one's own recent searches for everyone; the index for search.manage.
    MutationCase("rememberSearch", "RememberSearchInput", "query", lambda w: {"query": "差旅"}),
    MutationCase("clearRecentSearches", None, "cleared", lambda w: None),
    # Attachments: the world's receipt was attached by the claimant; of the signed-in users (the claim's department)
    # only a manager removes it.
    MutationCase("deleteAttachment", "DeleteAttachmentInput", "deletedId",
                 lambda w: {"id": gid("Attachment", w.ops.claim_attachment_id)}, on_others_needs="operations.approve_claims"),
    # Meetings: the world's meeting is scheduled, with minutes; its action item's owner is of the signed-in users'
    # department, so only a manager there (meetings.oversee) changes it beside its owner.
    MutationCase("createMeetingSeries", "CreateMeetingSeriesInput", "series { id recurrence }",
                 lambda w: {"title": "库存周例会", "recurrence": "FREQ=WEEKLY;BYDAY=MO", "startsAt": "2026-12-07T09:30:00+08:00",
                            "defaultDepartmentIds": [gid("Department", w.ops.department.id)]}),
    MutationCase("updateMeetingSeries", "UpdateMeetingSeriesInput", "series { id recurrence }",
                 lambda w: {"id": gid("MeetingSeries", w.meetings.series.id), "title": "业财联席会",
                            "recurrence": "FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING",
                            "startsAt": "2026-11-05T09:30:00+08:00"}),
    MutationCase("scheduleMeeting", "ScheduleMeetingInput", "meeting { id state }",
                 lambda w: {"title": "专题会", "startsAt": "2026-12-10T14:00:00+08:00", "endsAt": "2026-12-10T15:00:00+08:00",
                            "attendeeIds": [gid("User", w.target.id)], "agenda": [{"title": "成本分析"}]}),
    MutationCase("updateMeeting", "UpdateMeetingInput", "meeting { id title }",
                 lambda w: {"id": gid("Meeting", w.meetings.meeting.id), "title": "业财联席会（改期）",
                            "startsAt": "2026-12-11T14:00:00+08:00"}),
    MutationCase("addAgendaItem", "AddAgendaItemInput", "agendaItem { id title }",
                 lambda w: {"meetingId": gid("Meeting", w.meetings.meeting.id), "item": {"title": "费用报销"}}),
    MutationCase("updateAgendaItem", "UpdateAgendaItemInput", "agendaItem { id title }",
                 lambda w: {"id": gid("AgendaItem", w.meetings.agenda_item_id), "item": {"title": "回款与费用通报"}}),
    MutationCase("recordAttendance", "RecordAttendanceInput", "meeting { id }",
                 lambda w: {"meetingId": gid("Meeting", w.meetings.meeting.id),
                            "entries": [{"userId": gid("User", w.target.id), "status": "PRESENT"}]}),
    MutationCase("recordMinutes", "RecordMinutesInput", "minutes { id version }",
                 lambda w: {"meetingId": gid("Meeting", w.meetings.meeting.id), "content": "<p>回款率 93%</p>"}),
    MutationCase("recordDecision", "RecordDecisionInput", "decision { id }",
                 lambda w: {"meetingId": gid("Meeting", w.meetings.meeting.id), "text": "超期应收由销售部牵头催收"}),
    MutationCase("approveMinutes", "ApproveMinutesInput", "meeting { id state }",
                 lambda w: {"meetingId": gid("Meeting", w.meetings.meeting.id)}),
    MutationCase("closeMeeting", "CloseMeetingInput", "meeting { id state }",
                 lambda w: {"id": gid("Meeting", w.meetings.meeting.id)}),
    MutationCase("createActionItem", "CreateActionItemInput", "actionItem { id }",
                 lambda w: {"meetingId": gid("Meeting", w.meetings.meeting.id), "title": "编制账龄表",
                            "ownerId": gid("User", w.target.id), "dueOn": "2026-12-20"}),
    MutationCase("updateActionItem", "UpdateActionItemInput", "actionItem { id status }",
                 lambda w: {"id": gid("ActionItem", w.meetings.action_item.id), "status": "DONE"},
                 on_others_needs="meetings.oversee"),
    # Sharing: the world's rule reaches the signed-in users' department; its responsible person is someone else,
    # so only an admin (sharing.manage) publishes, answers and turns a question into an action item in their stead.
    MutationCase("createSharingRule", "CreateSharingRuleInput", "rule { id nextNodeAt }",
                 lambda w: {"rule": {"title": "库存周报", "responsibleId": gid("User", w.target.id),
                                     "recurrence": "FREQ=WEEKLY;BYDAY=MO", "startsAt": "2026-12-07T10:00:00+08:00",
                                     "deadlineMinutes": 240, "workingDays": True,
                                     "audienceDepartmentIds": [gid("Department", w.ops.department.id)]}}),
    MutationCase("updateSharingRule", "UpdateSharingRuleInput", "rule { id title }",
                 lambda w: {"id": gid("SharingRule", w.sharing.rule.id), "rule": {
                     "title": "销售日报（含回款）", "responsibleId": gid("User", w.sharing.rule.responsible_id),
                     "recurrence": "FREQ=DAILY", "startsAt": "2026-12-01T09:00:00+08:00", "deadlineMinutes": 90,
                     "audienceDepartmentIds": [gid("Department", w.ops.department.id)]}}),
    MutationCase("archiveSharingRule", "ArchiveSharingRuleInput", "rule { id active }",
                 lambda w: {"id": gid("SharingRule", w.sharing.rule.id)}),
    MutationCase("publish", "PublishInput", "publication { id state timeliness }",
                 lambda w: {"publicationId": gid("Publication", w.sharing.due.id), "text": "12月1日销售日报"},
                 on_others_needs="sharing.manage"),
    MutationCase("acknowledgePublication", "AcknowledgePublicationInput", "publication { id viewerReceipt { acknowledgedAt } }",
                 lambda w: {"publicationId": gid("Publication", w.sharing.published.id)}),
    MutationCase("addFeedback", "AddFeedbackInput", "feedback { id }",
                 lambda w: {"publicationId": gid("Publication", w.sharing.published.id), "text": "数据已收到"}),
    MutationCase("answerFeedback", "AnswerFeedbackInput", "feedback { id answer }",
                 lambda w: {"feedbackId": gid("Feedback", w.sharing.question.id), "answer": "两家客户延期付款"},
                 on_others_needs="sharing.manage"),
    MutationCase("turnFeedbackIntoActionItem", "TurnFeedbackIntoActionItemInput", "actionItem { id }",
                 lambda w: {"feedbackId": gid("Feedback", w.sharing.question.id),
                            "meetingId": gid("Meeting", w.meetings.meeting.id), "ownerId": gid("User", w.target.id),
                            "dueOn": "2026-12-20"}, on_others_needs="sharing.manage"),
    # Learning: the world's course is for everyone, published, its draft changed, written by others, so only a
    # manager of training (learning.manage) changes or publishes it. Lessons and quizzes are the learner's own
    # (the world's target user's here): no permission lets anyone else finish them ("learning.learner" is held by
    # no role), so every signed-in role is refused; tests/graphql/learning shows the learner succeeding.
    MutationCase("createCourse", "CreateCourseInput", "course { id state }",
                 lambda w: {"course": {"title": "财务人员的业务流程", "passMark": 60, "chapters": [
                     {"title": "订单到收款", "lessons": [{"title": "发货与收款", "body": "<p>发货确认收入</p>"}]}],
                     "questions": [{"kind": "SINGLE_CHOICE", "text": "何时确认收入？", "options": [
                         {"text": "发货时", "correct": True}, {"text": "下单时"}]}]}}),
    MutationCase("updateCourse", "UpdateCourseInput", "course { id summary }",
                 lambda w: {"id": gid("Course", w.learning.course.id), "course": {
                     "title": "数字化素养", "summary": "第三版", "chapters": [
                         {"title": "在门户里工作", "lessons": [{"title": "搜索与附件"}]}]}},
                 on_others_needs="learning.manage"),
    MutationCase("publishCourse", "CourseIdInput", "course { id currentVersion { number } }",
                 lambda w: {"id": gid("Course", w.learning.course.id)}, on_others_needs="learning.manage"),
    MutationCase("archiveCourse", "CourseIdInput", "course { id state }",
                 lambda w: {"id": gid("Course", w.learning.course.id)}),
    MutationCase("assignCourse", "AssignCourseInput", "enrolledCount",
                 lambda w: {"courseId": gid("Course", w.learning.course.id), "dueOn": "2099-12-31",
                            "departmentId": gid("Department", w.ops.department.id)}),
    MutationCase("enrollInCourse", "EnrollInCourseInput", "enrollment { id state }",
                 lambda w: {"courseId": gid("Course", w.learning.course.id)}),
    MutationCase("completeLesson", "CompleteLessonInput", "enrollment { id }",
                 lambda w: {"enrollmentId": gid("Enrollment", w.learning.enrollment.id),
                            "lessonId": gid("Lesson", w.learning.lesson.id)}, on_others_needs="learning.learner"),
    MutationCase("startQuizAttempt", "StartQuizAttemptInput", "attempt { id }",
                 lambda w: {"enrollmentId": gid("Enrollment", w.learning.enrollment.id)},
                 on_others_needs="learning.learner"),
    MutationCase("submitQuizAttempt", "SubmitQuizAttemptInput", "attempt { id passed }",
                 lambda w: {"attemptId": gid("QuizAttempt", w.learning.attempt.id), "answers": [
                     {"questionId": gid("QuizQuestion", w.learning.question.id),
                      "optionKeys": list(w.learning.question.correct)}]}, on_others_needs="learning.learner"),
    MutationCase("createLearningPath", "CreateLearningPathInput", "path { id steps { position } }",
                 lambda w: {"title": "业财融合入门", "courseIds": [gid("Course", w.learning.course.id)]}),
    # Performance: HR (performance.manage) runs cycles and calibrates; each cycle's one scorecard is a person's of a
    # group under the business department, so the signed-in manager assesses it and nobody else may.
    MutationCase("createEvaluationCycle", "CreateEvaluationCycleInput", "cycle { id state }",
                 lambda w: {"cycle": {"name": "2027 年第二季度", "kind": "QUARTERLY", "periodStart": "2027-04-01",
                                      "periodEnd": "2027-06-30", "selfAssessmentDue": "2027-07-05",
                                      "managerAssessmentDue": "2027-07-10", "calibrationDue": "2027-07-15"}}),
    MutationCase("openEvaluationCycle", "CycleIdInput", "cycle { id state }",
                 lambda w: {"cycleId": gid("EvaluationCycle", w.performance.draft.id)}),
    MutationCase("advanceEvaluationCycle", "CycleIdInput", "cycle { id state }",
                 lambda w: {"cycleId": gid("EvaluationCycle", w.performance.opened.id)}),
    MutationCase("computeScorecards", "CycleIdInput", "cycle { id computedAt }",
                 lambda w: {"cycleId": gid("EvaluationCycle", w.performance.calibrating.id)}),
    MutationCase("publishEvaluationCycle", "CycleIdInput", "cycle { id state }",
                 lambda w: {"cycleId": gid("EvaluationCycle", w.performance.calibrating.id)}),
    MutationCase("closeEvaluationCycle", "CycleIdInput", "cycle { id state }",
                 lambda w: {"cycleId": gid("EvaluationCycle", w.performance.published.id)}),
    MutationCase("createIndicator", "CreateIndicatorInput", "indicator { id }",
                 lambda w: {"code": "W-PEER", "name": "同事评价", "kind": "MANUAL", "rater": "PEER"}),
    MutationCase("createScorecardTemplate", "CreateScorecardTemplateInput", "template { id }",
                 lambda w: {"name": "个人考核", "subject": "PERSON", "lines": [
                     {"indicatorId": gid("Indicator", w.performance.manual.id), "weight": "100",
                      "bandKind": "THRESHOLD", "target": "60"}]}),
    MutationCase("submitAssessment", "SubmitAssessmentInput", "assessment { relation score }",
                 lambda w: {"scorecardId": gid("Scorecard", w.performance.assessed.id),
                            "indicatorId": gid("Indicator", w.performance.manual.id), "score": "80"},
                 on_others_needs="performance.assess"),
    MutationCase("calibrateScore", "CalibrateScoreInput", "scorecard { id finalScore }",
                 lambda w: {"scorecardId": gid("Scorecard", w.performance.card.id), "score": "88",
                            "reason": "跨部门项目贡献"}),
    MutationCase("rebuildSearchIndex", "RebuildSearchIndexInput", "queued", lambda w: {"kinds": ["DEPARTMENT"]}),
    MutationCase("saveSearchSynonyms", "SaveSearchSynonymsInput", "group { terms }",
                 lambda w: {"terms": ["增值税", "VAT"]}),
    MutationCase("deleteSearchSynonyms", "DeleteSearchSynonymsInput", "id",
                 lambda w: {"id": gid("SearchSynonymGroup", w.synonyms.id)}),
    # Notifications: one's own, for every signed-in user.
    MutationCase("markNotificationsRead", "MarkNotificationsReadInput", "marked unreadCount",
                 lambda w: {"all": True}),
    MutationCase("updateNotificationSettings", "UpdateNotificationSettingsInput",
                 "settings { kinds { kind portal email } }",
                 lambda w: {"settings": [{"kind": "EXPENSE_CLAIM_PAID", "channel": "PORTAL", "enabled": False}]}),
    # The work calendar: admins keep it.
    MutationCase("markWorkCalendarDay", "MarkWorkCalendarDayInput", "day { date kind name }",
                 lambda w: {"date": "2026-10-09", "kind": "HOLIDAY", "name": "公司假日"}),
    MutationCase("unmarkWorkCalendarDay", "UnmarkWorkCalendarDayInput", "date day { kind }",
                 lambda w: {"date": "2026-10-10"}),
    MutationCase("reseedWorkCalendarYear", "ReseedWorkCalendarYearInput", "created calendar { year }",
                 lambda w: {"year": 2026}),
    # Certificates: HR issues and revokes them.
    MutationCase("issueCertificate", "IssueCertificateInput", "certificate { id code state }",
                 lambda w: {"holderId": gid("User", w.target.id), "kind": "HONOUR", "title": "协作之星",
                            "issuer": "人力资源部"}),
    MutationCase("revokeCertificate", "RevokeCertificateInput", "certificate { id state }",
                 lambda w: {"id": gid("Certificate", w.certificate.id), "reason": "评选材料不实"}),
]
