import { User } from './users/user.entity.ts';
import { FriendRequest } from './friends/friend-request.entity.ts';
import { Friendship } from './friends/friendship.entity.ts';
import { UserBlock } from './friends/block.entity.ts';
import { Conversation } from './conversations/conversation.entity.ts';
import { ConversationMember } from './conversations/member.entity.ts';
import { Message } from './messages/message.entity.ts';
import { ReadPointer } from './read-pointers/read-pointer.entity.ts';
import { RevokedToken } from './auth/revoked-token.entity.ts';
import { Attachment } from './attachments/attachment.entity.ts';

export { User, FriendRequest, Friendship, UserBlock, Conversation, ConversationMember, Message, ReadPointer, RevokedToken, Attachment };

export const entities = [User, FriendRequest, Friendship, UserBlock, Conversation, ConversationMember, Message, ReadPointer, RevokedToken, Attachment];
