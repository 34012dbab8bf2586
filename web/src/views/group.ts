// Groups: create one with a name and some friends, and add friends to a group later.
import type { GoChat } from '../../../sdk/src/index.ts';
import type { Directory, UserInfo } from '../directory.ts';
import { button, h, replace } from '../dom.ts';
import { displayName } from '../format.ts';
import { errorCode, errorText, must } from '../rest.ts';
import { navigate } from '../router.ts';
import { avatar } from './avatar.ts';
import { allFriends } from '../friendships.ts';
import { toast } from './toast.ts';

/** Checkboxes for picking friends; returns the element and the picked ids. */
function friendPicker(dir: Directory, friends: UserInfo[], testid: string): { el: HTMLElement; picked: () => string[] } {
  const boxes = friends.map((f) => {
    const box = h('input', { testid, attrs: { type: 'checkbox', value: f.id, 'aria-label': displayName(f) }, data: { username: f.username } });
    return { box, row: h('label', { class: 'pick-row' }, box, avatar({ id: f.id, name: displayName(f), url: f.avatar_url, size: 'sm', online: dir.isOnline(f.id) }), h('span', { class: 'pick-name' }, displayName(f)), f.nickname ? h('span', { class: 'muted' }, `@${f.username}`) : null) };
  });
  const el = boxes.length > 0 ? h('div', { class: 'pick-list' }, ...boxes.map((b) => b.row)) : h('p', { class: 'muted' }, 'No friends to add yet. Find people under Friends first.');
  return { el, picked: () => boxes.filter((b) => b.box.checked).map((b) => b.box.value) };
}

export function newGroupView(client: GoChat, dir: Directory): { el: HTMLElement; dispose: () => void } {
  const name = h('input', { testid: 'group-name-input', attrs: { maxlength: 128, placeholder: 'e.g. Weekend trip', required: true } });
  const pickerHost = h('div', {}, h('p', { class: 'muted' }, 'Loading friends…'));
  const error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const create = button('Create group', { kind: 'primary', type: 'submit', testid: 'group-create-submit' });
  let picker: ReturnType<typeof friendPicker> | undefined;

  allFriends(client, dir).then((friends) => {
    picker = friendPicker(dir, friends, 'group-member-option');
    replace(pickerHost, picker.el);
  }, (err: unknown) => replace(pickerHost, h('p', { class: 'form-error' }, errorText(err))));

  const form = h('form', {
    class: 'panel-form',
    on: {
      submit: (e) => {
        e.preventDefault();
        const groupName = name.value.trim();
        if (!groupName) {
          error.textContent = 'Give the group a name.';
          return;
        }
        error.textContent = '';
        create.disabled = true;
        must(client.rest.POST('/conversations', { body: { name: groupName, member_ids: picker?.picked() ?? [] } }))
          .then(async (group) => {
            await client.refreshConversations().catch(() => undefined);
            toast(`Group "${group.name ?? groupName}" created.`, 'success');
            navigate({ name: 'chat', conversationId: group.id });
          })
          .catch((err: unknown) => {
            error.textContent = errorCode(err) === 'FORBIDDEN' ? 'Guests cannot create groups. Create an account to start one.' : errorText(err);
            create.disabled = false;
          });
      },
    },
  },
  h('label', { class: 'field' }, h('span', {}, 'Group name'), name),
  h('fieldset', { class: 'field' }, h('legend', {}, 'Members'), pickerHost),
  error,
  h('div', { class: 'form-actions' }, create),
  );

  const el = h('section', { class: 'page', testid: 'new-group-view' },
    h('header', { class: 'page-header' }, h('a', { class: 'back', attrs: { href: '#/', 'aria-label': 'Back to conversations' } }, '‹'), h('h2', {}, 'New group'), h('p', { class: 'muted' }, 'Start a conversation with several friends. You can add more members later.')),
    h('div', { class: 'card' }, form),
  );
  window.setTimeout(() => name.focus(), 0);
  return { el, dispose: () => undefined };
}

export function addMembersPanel(client: GoChat, dir: Directory, conversationId: string, opts: { onAdded: (count: number) => void; onClose: () => void }): HTMLElement {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading friends…'));
  const error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const submit = button('Add', { kind: 'primary', type: 'submit', testid: 'add-members-submit' });
  let picker: ReturnType<typeof friendPicker> | undefined;

  const load = async () => {
    const [friends, members] = await Promise.all([
      allFriends(client, dir),
      must(client.rest.GET('/conversations/{id}/members', { params: { path: { id: conversationId }, query: { limit: 500 } } })),
    ]);
    const inGroup = new Set(members.members.map((m) => m.user_id));
    picker = friendPicker(dir, friends.filter((f) => !inGroup.has(f.id)), 'add-member-option');
    replace(body, picker.el);
  };
  load().catch((err: unknown) => replace(body, h('p', { class: 'form-error' }, errorText(err))));

  return h('form', {
    class: 'chat-panel',
    testid: 'add-members-panel',
    on: {
      submit: (e) => {
        e.preventDefault();
        const ids = picker?.picked() ?? [];
        if (ids.length === 0) {
          error.textContent = 'Pick at least one friend.';
          return;
        }
        submit.disabled = true;
        must(client.rest.POST('/conversations/{id}/members', { params: { path: { id: conversationId } }, body: { user_ids: ids } }))
          .then((r) => opts.onAdded(r.added.length))
          .catch((err: unknown) => {
            error.textContent = errorCode(err) === 'FORBIDDEN' ? 'Only the owner or an admin can add members.' : errorText(err);
            submit.disabled = false;
          });
      },
    },
  },
  h('h3', {}, 'Add friends to this group'),
  body,
  error,
  h('div', { class: 'form-actions' }, button('Cancel', { kind: 'ghost', on: { click: opts.onClose } }), submit),
  );
}
